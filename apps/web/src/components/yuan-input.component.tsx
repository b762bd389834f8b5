import { InputNumber, type InputNumberProps } from 'antd';

type YuanInputProps = Omit<InputNumberProps<number>, 'precision' | 'suffix' | 'stringMode'>;

/** An amount in 元 with two decimals (forms convert it to 分 with `yuanToFen`). */
export function YuanInput({ min = 0.01, style, ...rest }: YuanInputProps) {
  return <InputNumber<number> min={min} precision={2} step={100} suffix="元" style={{ width: '100%', ...style }} {...rest} />;
}
